"""Expected tracebacks for TracebackTests: each Tests/HeapScriptTests/Tracebacks/*.py run by
every interpreter as a script (`NAME.X.Y.err`) and piped to its REPL (`NAME.repl.X.Y.err`,
3.11+; prompts removed), with PYTHONHASHSEED=0. The script's directory is written `<DIR>`.

    python3 scripts/measure/tracebacks.py"""
import os, pathlib, re, subprocess

root = pathlib.Path(__file__).resolve().parents[2] / "Tests/HeapScriptTests/Tracebacks"
pyenv = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
versions = ["3.6.15", "3.8.18", "3.11.7", "3.12.1", "3.13.0"]
env = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"} | {"PYTHONHASHSEED": "0"}
prompts = re.compile(r"^(?:(?:>>> |\.\.\. )+)")

for path in sorted(root.glob("*.py")):
    for v in versions:
        python = f"{pyenv}/versions/{v}/bin/python3"
        short = v.rsplit(".", 1)[0]
        run = subprocess.run([python, str(path)], capture_output=True, text=True, env=env, cwd=root)
        (root / f"{path.stem}.{short}.err").write_text(run.stderr.replace(str(root), "<DIR>"))
        if short in ("3.6", "3.8"):
            continue
        repl = subprocess.run([python, "-q", "-i"], stdin=path.open(), capture_output=True, text=True, env=env)
        lines = []
        for line in repl.stderr.splitlines():
            rest = prompts.sub("", line)
            if rest or rest == line:
                lines.append(rest)
        (root / f"{path.stem}.repl.{short}.err").write_text("".join(l + "\n" for l in lines))
