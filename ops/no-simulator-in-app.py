#!/usr/bin/env python3
"""Fails when a packaged service holds any of the Binance simulator (issue #20: "the ingestor's production jar holds
no simulator class"). Reads every jar under the given quarkus-app directories (default: ingestor/target/quarkus-app):
a jar named binance-simulator*, or any entry under dev/riskplatform/simulator/ (or the ingestor's former
dev/riskplatform/ingestor/replay/), is a finding. Prints each finding and exits 1; else one line of figures."""
import pathlib
import sys
import zipfile

BANNED = ('dev/riskplatform/simulator/', 'dev/riskplatform/ingestor/replay/')


def findings(app):
    jars = sorted(pathlib.Path(app).rglob('*.jar'))
    if not jars:
        return 0, [f'{app}: no jar (not built?)']
    out = []
    for jar in jars:
        if jar.name.startswith('binance-simulator'):
            out.append(f'{jar}: the simulator jar')
            continue
        with zipfile.ZipFile(jar) as z:
            out.extend(f'{jar}: {e}' for e in z.namelist() if e.startswith(BANNED))
    return len(jars), out


def main(apps):
    total, bad = 0, []
    for app in apps:
        n, found = findings(app)
        total += n
        bad.extend(found)
    for line in bad:
        print(f'simulator in a packaged app: {line}')
    if bad:
        return 1
    print(f'{total} jars of {", ".join(apps)}, no simulator class or jar')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:] or ['ingestor/target/quarkus-app']))
