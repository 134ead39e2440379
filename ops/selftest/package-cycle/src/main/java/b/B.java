package dev.riskplatform.selftest.b;

import dev.riskplatform.selftest.a.A;

/** Fixture for ops/package-cycles.py: b imports a, which imports b back. */
public class B {
    A a;
}
