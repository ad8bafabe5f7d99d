import sys as _s4j_sys, json as _s4j_json, linecache as _s4j_linecache, traceback as _s4j_tb

_S4J_SPEC = _s4j_json.loads(_S4J_SPEC_JSON)
_s4j_ns = {"__name__": "__main__", "__builtins__": __builtins__}


def _s4j_report(verdict, reason):
    try:
        _s4j_sys.stdout.flush()
    except Exception:
        pass
    line = _S4J_SPEC["nonce"] + " " + _s4j_json.dumps({"verdict": verdict, "reason": reason})
    _s4j_sys.__stdout__.write("\n" + line + "\n")
    _s4j_sys.__stdout__.flush()


def _s4j_exec(name, src):
    _s4j_linecache.cache[name] = (len(src), None, src.splitlines(True), name)
    exec(compile(src, name, "exec"), _s4j_ns)


def _s4j_describe(e):
    if isinstance(e, SyntaxError):
        return "%s: %s at %s:%s: %s" % (type(e).__name__, e.msg, e.filename, e.lineno, (e.text or "").strip())
    text = type(e).__name__ + (": " + str(e)[:500] if str(e) else "")
    frames = [f for f in _s4j_tb.extract_tb(e.__traceback__) if f.filename.startswith("<")]
    if frames:
        f = frames[-1]
        text += " at %s:%s: %s" % (f.filename, f.lineno, (f.line or "").strip())
    return text


def _s4j_main():
    try:
        _s4j_exec("<preamble>", _S4J_SPEC["preamble"])
        _s4j_exec("<candidate>", _S4J_SPEC["candidate"])
    except BaseException as e:
        return _s4j_report("fail", "candidate did not load: " + _s4j_describe(e))
    if _S4J_SPEC["mode"] == "asserts":
        tests = _S4J_SPEC["asserts"]
        for i, test in enumerate(tests):
            try:
                _s4j_exec("<test %d>" % (i + 1), test)
            except AssertionError:
                return _s4j_report("fail", "test %d of %d failed: %s" % (i + 1, len(tests), test.strip()))
            except BaseException as e:
                return _s4j_report("fail", "test %d of %d raised %s" % (i + 1, len(tests), _s4j_describe(e)))
        return _s4j_report("pass", "all %d tests passed" % len(tests))
    try:
        _s4j_exec("<tests>", _S4J_SPEC["tests"])
        candidate = eval(_S4J_SPEC["entryPoint"], _s4j_ns)
        _s4j_ns["check"](candidate)
    except AssertionError as e:
        return _s4j_report("fail", "assertion failed: " + _s4j_describe(e))
    except BaseException as e:
        return _s4j_report("fail", "check raised " + _s4j_describe(e))
    return _s4j_report("pass", "check(%s) passed" % _S4J_SPEC["entryPoint"])


_s4j_main()
