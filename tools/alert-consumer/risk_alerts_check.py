#!/usr/bin/env python3
"""Reads risk_alerts records (one JSON value per line on stdin) and checks each against the topic's
JSON Schema (docs/schemas/risk_alerts.schema.json by default). Standard library only: it validates the
subset of JSON Schema that docs/schemas/ uses (type, required, properties, additionalProperties,
items, maxItems, enum, pattern, minimum, minLength) and refuses a schema using anything else.

Prints one line per record: `ok <alertId>` or `INVALID <line>: <reason>; ...`, and exits 1 when any
record is invalid (2 for a usage error). Feed it from Kafka with any client, e.g.
  kafka-console-consumer.sh --bootstrap-server 127.0.0.1:9092 --topic risk_alerts --from-beginning \
    | python3 tools/alert-consumer/risk_alerts_check.py
"""
import argparse
import json
import os
import re
import sys

SUPPORTED = {"$schema", "$id", "title", "description", "type", "required", "properties",
             "additionalProperties", "items", "maxItems", "enum", "pattern", "minimum", "minLength"}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


def check_schema(schema, where="#"):
    """Fails on a keyword this validator does not implement, so nothing is silently unchecked."""
    unknown = set(schema) - SUPPORTED
    if unknown:
        raise ValueError(f"{where}: unsupported schema keywords {sorted(unknown)}")
    for name, sub in schema.get("properties", {}).items():
        check_schema(sub, f"{where}/properties/{name}")
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            check_schema(schema[key], f"{where}/{key}")


def errors(value, schema, path="$"):
    """The reasons `value` breaks `schema`, as 'path: reason' strings (empty when it conforms)."""
    out = []
    types = schema.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else types
        if not any(TYPES[t](value) for t in types):
            return [f"{path}: expected {' or '.join(types)}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{path}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            out.append(f"{path}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            out.append(f"{path}: shorter than {schema['minLength']}")
    if TYPES["number"](value) and "minimum" in schema and value < schema["minimum"]:
        out.append(f"{path}: {value} is below {schema['minimum']}")
    if isinstance(value, dict):
        out += [f"{path}: {name} is missing" for name in schema.get("required", []) if name not in value]
        props, extra = schema.get("properties", {}), schema.get("additionalProperties", True)
        for name, v in value.items():
            if name in props:
                out += errors(v, props[name], f"{path}.{name}")
            elif extra is False:
                out.append(f"{path}: unexpected member {name}")
            elif isinstance(extra, dict):
                out += errors(v, extra, f"{path}.{name}")
    if isinstance(value, list):
        if len(value) > schema.get("maxItems", len(value)):
            out.append(f"{path}: more than {schema['maxItems']} items")
        if isinstance(schema.get("items"), dict):
            for i, v in enumerate(value):
                out += errors(v, schema["items"], f"{path}[{i}]")
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "docs", "schemas", "risk_alerts.schema.json")
    parser = argparse.ArgumentParser(description="Check risk_alerts JSON lines (stdin) against the topic's schema.")
    parser.add_argument("--schema", default=default, help="the JSON Schema file (default: %(default)s)")
    args = parser.parse_args()
    try:
        with open(args.schema, encoding="utf-8") as f:
            schema = json.load(f)
        check_schema(schema)
    except (OSError, ValueError) as e:
        print(f"bad schema {args.schema}: {e}", file=sys.stderr)
        return 2
    invalid = 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            reasons = errors(record, schema)
        except ValueError as e:
            reasons = [f"not JSON: {e}"]
        if reasons:
            invalid += 1
            print(f"INVALID {number}: {'; '.join(reasons)}")
        else:
            print(f"ok {record['alertId']}")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
