# sale4j grader, test side: runs the trusted preamble and tests, and calls the candidate only through proxies that
# send plain data to the other process. Values compare type-strictly; the verdict goes to the JVM on a channel the
# candidate process has no way to reach.
import ast as _ast
import builtins as _builtins
import linecache as _linecache
import operator as _operator
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
_state = {"seq": 0, "gone": None, "broken": None}


class CandidateGone(Exception):
    """The candidate process stopped answering: timed out, exited, was killed or broke the protocol."""


class CandidateError(Exception):
    """The candidate raised an exception that has no builtin counterpart here (or a BaseException)."""


# StopIteration is re-raised only from next(): from a plain call it would end a map() early and let all() pass
_NEVER_RERAISED = (StopIteration, StopAsyncIteration, UnicodeError, OSError)


def _remote_exception(reply, op):
    name, message = str(reply.get("type", "Exception"))[:100], str(reply.get("message", ""))[:1000]
    cls = getattr(_builtins, name, None)
    try:
        if isinstance(cls, type) and issubclass(cls, Exception) and (
                not issubclass(cls, _NEVER_RERAISED) or (op == "next" and cls is StopIteration)):
            e = cls(message) if message else cls()
        else:
            e = CandidateError(name + (": " + message if message else ""))
    except Exception:
        e = CandidateError(name + (": " + message if message else ""))
    e._s4j_remote = name + (": " + message if message else "") + str(reply.get("where", ""))[:300]
    return e


class Remote:
    """An object that lives in the candidate process; only its handle is here."""

    __slots__ = ("_ref", "_type")

    def __init__(self, ref, type_name):
        object.__setattr__(self, "_ref", ref)
        object.__setattr__(self, "_type", type_name)

    def __call__(self, *args, **kwargs):
        return _rpc({"op": "call", "target": self._ref}, (list(args), dict(kwargs)))

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _rpc({"op": "getattr", "target": self._ref, "name": name})

    def __iter__(self):
        return _rpc({"op": "iter", "target": self._ref})

    def __next__(self):
        return _rpc({"op": "next", "target": self._ref})

    def __len__(self):
        return _rpc({"op": "len", "target": self._ref})

    def __bool__(self):
        return _rpc({"op": "bool", "target": self._ref}) is True

    def __getitem__(self, key):
        return _rpc({"op": "getitem", "target": self._ref}, key)

    def __contains__(self, item):
        return _rpc({"op": "contains", "target": self._ref}, item) is True

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(str(self._ref))

    def __repr__(self):
        return "<candidate %s object>" % self._type


def _refuse(value, depth):
    if isinstance(value, Remote):
        return value._ref
    raise TypeError("cannot pass a %s to the candidate: only plain data crosses" % type(value).__name__)


def _node_class(name):
    cls = _ns.get(name)
    return cls if name in NODE_CLASSES and isinstance(cls, type) else None


def _remote(tagged):
    if tagged[0] != "r":
        raise ProtocolError("the candidate may only send handles of its own objects")
    return Remote(["r", tagged[1]], str(tagged[2] if len(tagged) > 2 else "")[:60])


def _rpc(message, payload=None):
    if _state["gone"] is not None:
        raise CandidateGone(_state["gone"])
    _state["seq"] += 1
    message["id"] = _state["seq"]
    if payload is not None or message["op"] in ("getitem", "contains"):
        enc = Encoder(_refuse)
        message["args" if message["op"] == "call" else "arg"] = enc.encode(payload)
        message["nodes"] = enc.nodes
    write_frame(_OUT, message)
    try:
        reply = read_frame(_IN)
    except Exception as e:
        reply = {"op": "gone", "reason": "the candidate broke the protocol: " + str(e)[:200]}
    if type(reply) is not dict:
        reply = {"op": "gone", "reason": "the candidate broke the protocol: no reply" if reply is None
                 else "the candidate broke the protocol: a reply that is not an object"}
    if reply.get("op") not in ("gone", "result", "raised") or reply.get("id", message["id"]) != message["id"]:
        reply = {"op": "gone", "reason": "the candidate broke the protocol: unexpected reply"}
    if reply["op"] == "gone":
        _state["gone"] = str(reply.get("reason"))[:300]
        raise CandidateGone(_state["gone"])
    if reply["op"] == "raised":
        raise _remote_exception(reply, message["op"])
    try:
        return Decoder(_node_class, _remote).decode(reply.get("value"), reply.get("nodes"))
    except Exception as e:
        _state["gone"] = "the candidate sent malformed data: " + str(e)[:200]
        raise CandidateGone(_state["gone"])


_NUMBERS = (int, float, complex)
_KINDS = (bool, int, float, complex, str, bytes, list, tuple, dict, set, frozenset)


def _kind(x):
    for k in _KINDS:
        if isinstance(x, k):
            return "number" if k in _NUMBERS else k
    return None


def strict_eq(a, b):
    """== without type juggling: True is not 1, a tuple is not a list, a set is not a frozenset; ints, floats and
    complex numbers compare by value (NaN != NaN), and an object left in the candidate process equals only itself."""
    if isinstance(a, Remote) or isinstance(b, Remote):
        return a is b
    ka, kb = _kind(a), _kind(b)
    if ka is None or kb is None:
        return ka is None and kb is None and bool(a == b)
    if ka is not kb:
        return False
    if ka is list or ka is tuple:
        return len(a) == len(b) and all(strict_eq(x, y) for x, y in zip(a, b))
    if ka is dict:
        return len(a) == len(b) and all(k in b and strict_eq(v, b[k]) for k, v in a.items())
    return bool(a == b)


def _contains(item, container):
    if isinstance(container, (list, tuple)) and not isinstance(container, Remote):
        return any(strict_eq(item, x) for x in container)
    return item in container


_OPS = {"Eq": strict_eq, "NotEq": lambda a, b: not strict_eq(a, b), "In": _contains,
        "NotIn": lambda a, b: not _contains(a, b), "Lt": _operator.lt, "LtE": _operator.le, "Gt": _operator.gt,
        "GtE": _operator.ge, "Is": _operator.is_, "IsNot": _operator.is_not}


def _s4j_compare(ops, *operands):
    return all(_OPS[op](operands[i], operands[i + 1]) for i, op in enumerate(ops))


class _Strict(_ast.NodeTransformer):
    def visit_Compare(self, node):
        self.generic_visit(node)
        if not any(isinstance(op, (_ast.Eq, _ast.NotEq, _ast.In, _ast.NotIn)) for op in node.ops):
            return node
        ops = _ast.Constant(tuple(type(op).__name__ for op in node.ops))
        call = _ast.Call(_ast.Name("_s4j_compare", _ast.Load()), [ops, node.left] + node.comparators, [])
        return _ast.copy_location(call, node)


def _compile(name, src):
    _linecache.cache[name] = (len(src), None, src.splitlines(True), name)
    return compile(_ast.fix_missing_locations(_Strict().visit(_ast.parse(src, name))), name, "exec")


def _exec(name, src):
    _linecache.cache[name] = (len(src), None, src.splitlines(True), name)
    exec(compile(src, name, "exec"), _ns)


def _describe(e):
    if hasattr(e, "_s4j_remote"):
        return e._s4j_remote
    if isinstance(e, SyntaxError):
        return "%s: %s at %s:%s: %s" % (type(e).__name__, e.msg, e.filename, e.lineno, (e.text or "").strip())
    text = type(e).__name__ + (": " + str(e)[:500] if str(e) else "")
    frames = [f for f in _tb.extract_tb(e.__traceback__) if f.filename.startswith("<")]
    if frames:
        f = frames[-1]
        text += " at %s:%s: %s" % (f.filename, f.lineno, (f.line or "").strip())
    return text


def _where(e):
    frames = [f for f in _tb.extract_tb(e.__traceback__) if f.filename.startswith("<")]
    return " at %s:%s: %s" % (frames[-1].filename, frames[-1].lineno, (frames[-1].line or "").strip()) \
        if frames else ""


def _loaded_names(trees):
    return {n.id for tree in trees for n in _ast.walk(tree) if isinstance(n, _ast.Name)}


def _bind_assert_names(trees, candidate_globals):
    """Names the asserts use resolve here first (preamble, builtins), else in the candidate. A candidate's name that
    shadows a builtin is used only when the asserts call no other name of the candidate (MBPP's `sum` task)."""
    used = _loaded_names(trees) - {"_s4j_compare"}
    own = {n for n in used if n not in _ns and n in candidate_globals and not hasattr(_builtins, n)}
    for name in used:
        if name in _ns:
            continue
        if hasattr(_builtins, name) and (own or name not in candidate_globals):
            continue
        _ns[name] = Remote(["g", name], "global")


def _grade(spec):
    try:
        _exec("<preamble>", spec["preamble"])
        _ns["_s4j_compare"] = _s4j_compare
        if spec["mode"] == "asserts":
            tests = [_compile("<test %d>" % (i + 1), t) for i, t in enumerate(spec["asserts"])]
            trees = [_ast.parse(t) for t in spec["asserts"]]
        else:
            tests = _compile("<tests>", spec["tests"])
            entry = compile(spec["entryPoint"], "<entry point>", "eval")
    except BaseException as e:
        return False, "the tests did not load: " + _describe(e)
    ready = read_frame(_IN)
    candidate_globals = set(ready["globals"])
    if spec["mode"] == "asserts":
        _bind_assert_names(trees, candidate_globals)
        for i, code in enumerate(tests):
            where = "test %d of %d" % (i + 1, len(tests))
            try:
                exec(code, _ns)
            except AssertionError:
                if _state["gone"] is not None:
                    return False, "%s: %s: %s" % (where, _state["gone"], spec["asserts"][i].strip())
                return False, "%s failed: %s" % (where, spec["asserts"][i].strip())
            except CandidateGone as e:
                return False, "%s: %s: %s" % (where, e, spec["asserts"][i].strip())
            except BaseException as e:
                return False, "%s raised %s" % (where, _describe(e))
        return _done("all %d tests passed" % len(tests))
    try:
        # the entry point's names are the candidate's, also where the tests use them directly (HumanEval/33)
        names = {n.id: Remote(["g", n.id], "global") for n in _ast.walk(_ast.parse(spec["entryPoint"], mode="eval"))
                 if isinstance(n, _ast.Name)}
        _ns.update(names)
        exec(tests, _ns)
        candidate = eval(entry, {"__builtins__": {}}, names)
        _ns["check"](candidate)
    except AssertionError as e:
        return False, "assertion failed: " + _describe(e)
    except CandidateGone as e:
        return False, "check stopped: %s%s" % (e, _where(e))
    except BaseException as e:
        return False, "check raised " + _describe(e)
    return _done("check(%s) passed" % spec["entryPoint"])


def _done(summary):
    if _state["gone"] is not None:
        return False, "the candidate stopped during the tests: " + _state["gone"]
    return True, summary


_passed, _reason = _grade(read_frame(_IN))
try:
    _sys.stdout.flush()
except BaseException:
    pass
write_frame(_OUT, {"op": "verdict", "passed": _passed, "reason": _reason})
_os._exit(0)
