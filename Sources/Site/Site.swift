// Site: HTML rendering.
