#!/usr/bin/env python3
"""Fails when a package imports a package that imports it back, directly or through others (issue
"Make the services as easy to live in as the core"). Reads every src/main/java tree under the given roots
(default: the repository); a package's dependencies are the dev.riskplatform packages its files name, in
imports or fully qualified in code. Prints each cycle (a strongly connected set of packages) and exits 1."""
import os
import re
import sys
from collections import defaultdict

REF = re.compile(r'\b(dev\.riskplatform(?:\.[a-z_][a-z0-9_]*)+)\.[A-Z]')
PACKAGE = re.compile(r'^\s*package\s+([\w.]+)\s*;', re.M)


def graph(roots, skip):
    deps = defaultdict(set)
    for root in roots:
        for top, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d not in skip and not d.startswith('.')]
            if '/src/main/java' not in top.replace(os.sep, '/') + '/':
                continue
            for f in files:
                if not f.endswith('.java'):
                    continue
                text = open(os.path.join(top, f), encoding='utf-8').read()
                m = PACKAGE.search(text)
                if not m:
                    continue
                pkg = m.group(1)
                deps[pkg]
                deps[pkg].update(p for p in REF.findall(text) if p != pkg)
    return deps


def cycles(deps):
    """Tarjan's strongly connected components; the ones with more than one package."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in deps.get(v, ()):
            if w not in deps:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            scc = []
            while True:
                w = stack.pop()
                on.discard(w)
                scc.append(w)
                if w == v:
                    break
            if len(scc) > 1:
                out.append(sorted(scc))

    for v in list(deps):
        if v not in index:
            visit(v)
    return out


def main():
    skip = {'target', 'node_modules', 'test'}
    if len(sys.argv) == 1:
        skip.add('selftest')  # ops/selftest holds a broken fixture on purpose
    roots = sys.argv[1:] or [os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')]
    deps = graph(roots, skip)
    found = cycles(deps)
    for c in found:
        edges = [f'{a} -> {b}' for a in c for b in sorted(deps[a]) if b in c]
        print('package cycle: ' + ', '.join(edges))
    if found:
        sys.exit(1)
    print(f'{len(deps)} packages, no package cycle')


if __name__ == '__main__':
    main()
