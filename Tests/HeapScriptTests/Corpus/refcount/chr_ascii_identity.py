chr(233) is '\xe9', chr(200) is chr(200)
chr(97) is 'a'
