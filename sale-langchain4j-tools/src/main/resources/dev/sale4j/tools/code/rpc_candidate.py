# sale4j grader, candidate side: loads the candidate and answers calls over the protocol fds. It never sees a
# test, an expected value or the verdict. Everything it sends is treated as untrusted data by the test process.
import builtins as _builtins
import linecache as _linecache
import os as _os
import sys as _sys
import traceback as _tb

_IN, _OUT = _os.dup(0), _os.dup(1)
_null = _os.open(_os.devnull, _os.O_RDONLY)
_os.dup2(_null, 0)
_os.dup2(2, 1)
_os.close(_null)
_sys.setrecursionlimit(10000)

_ns = {"__name__": "__main__", "__builtins__": _builtins}
_handles = {}
_BASES = (int, float, complex, str, bytes, list, tuple, dict, set, frozenset)


def _to_handle(value, depth):
    for base in _BASES:  # a subclass of a builtin crosses as its plain value: its own __eq__ stays behind
        if isinstance(value, base):
            return _enc._encode(base(value), depth + 1)
    handle = len(_handles) + 1
    _handles[handle] = value
    return ["r", handle, type(value).__name__[:60]]


def _node_class(name):
    cls = _ns.get(name)
    if isinstance(cls, type):
        return cls
    return type(name, (), {})


def _describe(e):
    if isinstance(e, SyntaxError):
        return "%s: %s at %s:%s: %s" % (type(e).__name__, e.msg, e.filename, e.lineno, (e.text or "").strip())
    text = type(e).__name__ + (": " + str(e)[:500] if str(e) else "")
    return text + _where(e)


def _where(e):
    frames = [f for f in _tb.extract_tb(e.__traceback__) if f.filename.startswith("<")]
    if not frames:
        return ""
    f = frames[-1]
    return " at %s:%s: %s" % (f.filename, f.lineno, (f.line or "").strip()[:200])


def _exec(name, src):
    _linecache.cache[name] = (len(src), None, src.splitlines(True), name)
    exec(compile(src, name, "exec"), _ns)


def _target(ref):
    if ref[0] == "g":
        if ref[1] in _ns:
            return _ns[ref[1]]
        if hasattr(_builtins, ref[1]):
            return getattr(_builtins, ref[1])
        raise NameError("name '%s' is not defined" % ref[1])
    return _handles[ref[1]]


def _decode(tagged, nodes):
    return Decoder(_node_class, lambda v: _handles[v[1]] if v[0] == "r" else _target(v)).decode(tagged, nodes)


def _answer(msg):
    target = _target(msg["target"])
    op = msg["op"]
    if op == "call":
        args, kwargs = _decode(msg["args"], msg.get("nodes"))
        return target(*args, **kwargs)
    if op == "getattr":
        return getattr(target, msg["name"])
    arg = _decode(msg["arg"], msg.get("nodes")) if "arg" in msg else None
    return {"iter": lambda: iter(target), "next": lambda: next(target), "len": lambda: len(target),
            "bool": lambda: bool(target), "getitem": lambda: target[arg], "contains": lambda: arg in target}[op]()


def _serve():
    global _enc
    spec = read_frame(_IN)
    try:
        _exec("<preamble>", spec["preamble"])
        _exec("<candidate>", spec["candidate"])
    except BaseException as e:
        write_frame(_OUT, {"op": "loadFailed", "reason": _describe(e)})
        return
    names = [k for k in list(_ns) if type(k) is str][:5000]
    write_frame(_OUT, {"op": "ready", "globals": names})
    while True:
        msg = read_frame(_IN)
        if msg is None:
            return
        try:
            _enc = Encoder(_to_handle)
            value = _enc.encode(_answer(msg))
            reply = {"op": "result", "id": msg["id"], "value": value, "nodes": _enc.nodes}
        except BaseException as e:
            try:
                reply = {"op": "raised", "id": msg["id"], "type": type(e).__name__[:100],
                         "message": str(e)[:1000], "where": _where(e)}
            except BaseException:
                reply = {"op": "raised", "id": msg["id"], "type": "Exception", "message": "", "where": ""}
        try:
            _sys.stdout.flush()
        except BaseException:
            pass
        write_frame(_OUT, reply)


_serve()
_os._exit(0)
