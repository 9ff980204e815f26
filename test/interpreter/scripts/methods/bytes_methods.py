# bytes: constructor, len, iteration, indexing, repr, decode, hex, comparisons
b = "héllo".encode()
print(b, len(b), list(b), b[0], b[-1], b[1:3], b[::-1], b.decode(), b.decode("utf-8"))
# expect: b'h\xc3\xa9llo' 6 [104, 195, 169, 108, 108, 111] 104 111 b'\xc3\xa9' b'oll\xa9\xc3h' héllo héllo
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes("é", "utf-8"), bytes(b"x"), bytes((0, 255)))
# expect: b'' b'\x00\x00\x00' b'ABC' b'\x00\x01\x02' b'\xc3\xa9' b'x' b'\x00\xff'
print(b"a'b", b'a"b', b"a'\"b", b"\x00\x7f\x80\xff\n\t\r\\", b"", b"\x1b[0m")
# expect: b"a'b" b'a"b' b'a\'"b' b'\x00\x7f\x80\xff\n\t\r\\' b'' b'\x1b[0m'
print(b"ab" + b"cd", b"ab" * 2, 3 * b"x", b"ab" == b"ab", b"ab" == "ab", b"ab" != b"ac", b"ab" < b"b", b"abc" > b"ab")
# expect: b'abcd' b'abab' b'xxx' True False True True True
print(98 in b"abc", b"bc" in b"abc", b"" in b"abc", b"x" in b"abc", b"abc".hex(), b"".hex(), bytes.hex(b"\x01"))
# expect: True True True False 616263  01
print({b"k": 1}[b"k"], hash(b"ab") == hash(b"a" + b"b"), str(b"x"), repr(b"x"), f"{b'x'}", type(b"x").__name__)
# expect: 1 True b'x' b'x' b'x' bytes
print(b"caf\xc3\xa9".decode(), b"\xe9".decode("latin-1"), b"abc".decode("ascii"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode(errors="ignore"))
# expect: café é abc a�b ab
print(b"a\xffb\xe2\x28\xf0\x90".decode("utf-8", "replace"), b"\xf0\x9f\x98\x80".decode(), len(b"\xf0\x9f\x98\x80".decode()))
# expect: a�b�(� 😀 1
for bad in [b"\xff", b"\xe2\x28\xa1", b"\xf0\x90\x28", b"ab\xf0\x90", b"ab\xf0", b"\xed\xa0\x80", b"\xc0\x80"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
        # expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
        # expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte
        # expect: UnicodeDecodeError 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte
        # expect: UnicodeDecodeError 'utf-8' codec can't decode bytes in position 2-3: unexpected end of data
        # expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xf0 in position 2: unexpected end of data
        # expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte
        # expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte
for bad in [lambda: b"\xe9".decode("ascii"), lambda: b"x".decode("nope"), lambda: bytes("a"), lambda: bytes([256]),
            lambda: bytes(-1), lambda: b"abc"[5], lambda: "a" in b"abc", lambda: 300 in b"abc", lambda: b"a" + "b",
            lambda: b"a"["x"], lambda: bytes(1.5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
        # expect: UnicodeDecodeError 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)
        # expect: LookupError unknown encoding: nope
        # expect: TypeError string argument without an encoding
        # expect: ValueError bytes must be in range(0, 256)
        # expect: ValueError negative count
        # expect: IndexError index out of range
        # expect: TypeError a bytes-like object is required, not 'str'
        # expect: ValueError byte must be in range(0, 256)
        # expect: TypeError can't concat str to bytes
        # expect: TypeError byte indices must be integers or slices, not str
        # expect: TypeError cannot convert 'float' object to bytes
