"""Where CPython's parser puts each expression node of the corpus (lineno, col_offset,
end_lineno, end_col_offset), for NodePositionTests: the engine's parser must give the
same, because tracebacks draw their carets from these positions (PEP 657).

    python3.11 scripts/measure/ast-positions.py > Tests/HeapScriptTests/Corpus/ast-positions.txt

One line per node: `<file> <Type> <lineno> <col> <end_lineno> <end_col>`, files in sorted
order, nodes in ast.walk order. Columns are characters (CPython's are UTF-8 bytes: converted,
as the traceback converts them). Inside an f-string only the fields' expressions are listed
(3.11 gives the literal parts the whole string's position)."""
import ast, pathlib, sys

root = pathlib.Path(__file__).resolve().parents[2] / "Tests/HeapScriptTests/Corpus"

def char_col(line, byte_col):
    return len(line.encode()[:byte_col].decode())

def walk(node):
    yield node
    if isinstance(node, ast.JoinedStr):
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                yield from walk(v.value)
        return
    for child in ast.iter_child_nodes(node):
        yield from walk(child)

for path in sorted(root.rglob("*.py")):
    src = path.read_text()
    try:
        tree = ast.parse(src)
    except SyntaxError:
        continue
    lines = src.splitlines()
    name = path.relative_to(root).as_posix()
    for n in walk(tree):
        if isinstance(n, ast.expr) and not isinstance(n, ast.FormattedValue):
            c = char_col(lines[n.lineno - 1], n.col_offset)
            e = char_col(lines[n.end_lineno - 1], n.end_col_offset)
            print(name, type(n).__name__, n.lineno, c, n.end_lineno, e)
