# sale4j grader: framing and tagged values shared by the candidate server and the test process.
# A frame is a 4-byte big-endian length and that many bytes of UTF-8 JSON. Values are tagged arrays:
# ["N"] None, ["b", bool], ["i", hex], ["f", repr], ["c", re, im], ["s", str], ["y", base64], ["l", [..]] list,
# ["t", [..]] tuple, ["S", [..]] set, ["F", [..]] frozenset, ["d", [[k, v], ..]] dict, ["n", index] a ListNode /
# TreeNode / Node in the frame's node table, ["r", handle, type] an object that stays in the candidate process,
# ["g", name] one of the candidate's globals (a function the tests pass back as an argument).
import base64 as _b64
import json as _json
import os as _os
import struct as _struct

MAX_FRAME = 16 * 1024 * 1024
MAX_DEPTH = 200
NODE_CLASSES = ("ListNode", "TreeNode", "Node")


class ProtocolError(Exception):
    pass


def _read_exact(fd, n):
    chunks, got = [], 0
    while got < n:
        chunk = _os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def read_frame(fd):
    head = _read_exact(fd, 4)
    if head is None:
        return None
    (n,) = _struct.unpack(">I", head)
    if n > MAX_FRAME:
        raise ProtocolError("frame of %d bytes exceeds %d" % (n, MAX_FRAME))
    body = _read_exact(fd, n)
    if body is None:
        raise ProtocolError("channel closed inside a frame")
    return _json.loads(body.decode("utf-8"))


def write_frame(fd, message):
    data = _json.dumps(message, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")
    view = memoryview(_struct.pack(">I", len(data)) + data)
    while view:
        view = view[_os.write(fd, view):]


class Encoder:
    """Encodes plain data; `other(value)` decides what becomes of anything else (a handle, or an error)."""

    def __init__(self, other):
        self.other = other
        self.nodes = []
        self._node_index = {}
        self._pending = []

    def encode(self, value):
        tagged = self._encode(value, 0)
        while self._pending:
            node, index = self._pending.pop()
            fields = [[k, self._encode(v, 0)] for k, v in list(vars(node).items()) if isinstance(k, str)]
            self.nodes[index] = [type(node).__name__, fields]
        return tagged

    def _encode(self, v, depth):
        if depth > MAX_DEPTH:
            raise ValueError("value nested deeper than %d levels" % MAX_DEPTH)
        t = type(v)
        if v is None:
            return ["N"]
        if t is bool:
            return ["b", v]
        if t is int:
            return ["i", hex(v)]
        if t is float:
            return ["f", repr(v)]
        if t is complex:
            return ["c", repr(v.real), repr(v.imag)]
        if t is str:
            return ["s", v]
        if t is bytes:
            return ["y", _b64.b64encode(v).decode("ascii")]
        if t is list or t is tuple or t is set or t is frozenset:
            tag = {list: "l", tuple: "t", set: "S", frozenset: "F"}[t]
            return [tag, [self._encode(x, depth + 1) for x in v]]
        if t is dict:
            return ["d", [[self._encode(k, depth + 1), self._encode(x, depth + 1)] for k, x in v.items()]]
        if t.__name__ in NODE_CLASSES and hasattr(v, "__dict__"):
            key = id(v)
            if key not in self._node_index:
                self._node_index[key] = len(self.nodes)
                self.nodes.append(None)
                self._pending.append((v, len(self.nodes) - 1))
            return ["n", self._node_index[key]]
        return self.other(v, depth)


class Decoder:
    """Builds values of builtin types only; nodes become instances of `node_class(name)` (None: refused)."""

    def __init__(self, node_class, remote):
        self.node_class = node_class
        self.remote = remote
        self.shells = []

    def decode(self, tagged, nodes=None):
        nodes = nodes or []
        if type(nodes) is not list:
            raise ProtocolError("node table is not a list")
        for entry in nodes:
            if type(entry) is not list or len(entry) != 2 or type(entry[0]) is not str or type(entry[1]) is not list:
                raise ProtocolError("malformed node entry")
            cls = self.node_class(entry[0])
            if cls is None:
                raise ProtocolError("unexpected node class %r" % entry[0][:40])
            self.shells.append(cls.__new__(cls))
        for shell, entry in zip(self.shells, nodes):
            for field in entry[1]:
                if type(field) is not list or len(field) != 2 or type(field[0]) is not str \
                        or not field[0].isidentifier() or field[0].startswith("__"):
                    raise ProtocolError("malformed node field")
                setattr(shell, field[0], self._decode(field[1], 0))
        return self._decode(tagged, 0)

    def _decode(self, v, depth):
        if depth > MAX_DEPTH + 1:
            raise ProtocolError("value nested too deep")
        if type(v) is not list or not v or type(v[0]) is not str:
            raise ProtocolError("malformed value")
        tag, n = v[0], len(v)
        if tag == "N" and n == 1:
            return None
        if tag == "b" and n == 2 and type(v[1]) is bool:
            return v[1]
        if tag == "i" and n == 2 and type(v[1]) is str and len(v[1]) < 1 << 22:
            return int(v[1], 16)
        if tag == "f" and n == 2 and type(v[1]) is str and len(v[1]) < 40:
            return float(v[1])
        if tag == "c" and n == 3 and type(v[1]) is str and type(v[2]) is str and len(v[1]) + len(v[2]) < 80:
            return complex(float(v[1]), float(v[2]))
        if tag == "s" and n == 2 and type(v[1]) is str:
            return v[1]
        if tag == "y" and n == 2 and type(v[1]) is str:
            return _b64.b64decode(v[1].encode("ascii"), validate=True)
        if tag in ("l", "t", "S", "F") and n == 2 and type(v[1]) is list:
            items = [self._decode(x, depth + 1) for x in v[1]]
            return {"l": list, "t": tuple, "S": set, "F": frozenset}[tag](items)
        if tag == "d" and n == 2 and type(v[1]) is list:
            out = {}
            for pair in v[1]:
                if type(pair) is not list or len(pair) != 2:
                    raise ProtocolError("malformed dict entry")
                out[self._decode(pair[0], depth + 1)] = self._decode(pair[1], depth + 1)
            return out
        if tag == "n" and n == 2 and type(v[1]) is int and 0 <= v[1] < len(self.shells):
            return self.shells[v[1]]
        if (tag == "r" and n >= 2 and type(v[1]) is int) or (tag == "g" and n == 2 and type(v[1]) is str):
            return self.remote(v)
        raise ProtocolError("malformed value with tag %r" % tag[:10])
