#!/usr/bin/env python3
# tests/tools/dcase2case.py FILE.c NAME: print the entries of the
# `struct dcase NAME[]` array of FILE.c as .case lines (tests/README.md),
# C comments as "# " lines, for moving cases written in C into
# tests/data/decide.  String macros #defined in FILE.c are expanded.  Check
# the result with build/test_cases: a case that reads differently fails.
import re
import sys

STRING = r'"(?:[^"\\]|\\.)*"'


def unescape(s):
    out, i = [], 0
    simple = {'n': '\n', 't': '\t', '\\': '\\', '"': '"', "'": "'"}
    while i < len(s):
        if s[i] != '\\':
            out.append(s[i])
            i += 1
        elif s[i + 1] in simple:
            out.append(simple[s[i + 1]])
            i += 2
        elif s[i + 1] == 'x':
            m = re.match(r'[0-9a-fA-F]+', s[i + 2:])
            out.append(chr(int(m.group(0), 16)))
            i += 2 + len(m.group(0))
        else:
            m = re.match(r'[0-7]{1,3}', s[i + 1:])
            out.append(chr(int(m.group(0), 8)))
            i += 1 + len(m.group(0))
    return ''.join(out)


def macros(src):
    d = {}
    for m in re.finditer(r'^#define\s+(\w+)\s+((?:%s\s*(?:\\\n\s*)?)+)$'
                         % STRING, src, re.M):
        d[m.group(1)] = ''.join(unescape(x[1:-1])
                                for x in re.findall(STRING, m.group(2)))
    return d


def entries(src, name, defs):
    m = re.search(r'struct dcase\s+%s\[\]\s*=\s*\{' % re.escape(name), src)
    if m is None:
        sys.exit('no struct dcase %s[] in the file' % name)
    tok = re.compile(r'\s+|/\*.*?\*/|%s|\w+|[{},]' % STRING, re.S)
    pos, depth, fields, cur = m.end(), 0, [], None
    while True:
        t = tok.match(src, pos)
        if t is None:
            sys.exit('cannot read the array near: ' + src[pos:pos + 40])
        pos, t = t.end(), t.group(0)
        if t.isspace():
            continue
        if t.startswith('/*'):
            if depth == 0:
                yield ('comment', ' '.join(t[2:-2].strip(' *').split()))
        elif t == '{':
            depth, fields, cur = 1, [], None
        elif t == '}':
            if depth == 0:
                return
            fields.append(cur)
            yield ('case', fields)
            depth = 0
        elif t == ',':
            if depth:
                fields.append(cur)
                cur = None
        elif t.startswith('"'):
            cur = (cur or '') + unescape(t[1:-1])
        elif t in defs:
            cur = (cur or '') + defs[t]
        elif t.isdigit():
            cur = int(t)
        else:
            sys.exit('cannot expand %s' % t)


def quoted(s):
    if s == s.strip() and s.isprintable() and ' => ' not in s and \
            not (s.startswith('"') and s.endswith('"')):
        return s
    return '"%s"' % ''.join(
        {'\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t'}.get(c, c)
        if c.isprintable() or c in '\n\t' else '\\x%02x' % ord(c)
        for c in s)


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: dcase2case.py FILE.c ARRAY')
    src = open(sys.argv[1]).read()
    for kind, v in entries(src, sys.argv[2], macros(src)):
        if kind == 'comment':
            print('\n# ' + v)
            continue
        role, cmd, allow, expect = v
        line = '%s %s | %s' % ('allow' if allow else 'deny', role, cmd)
        print(line + (' => ' + quoted(expect) if expect else ''))


main()
