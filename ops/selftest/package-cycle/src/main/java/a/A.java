package dev.riskplatform.selftest.a;

/** Fixture for ops/package-cycles.py: a imports b, which imports a back. */
public class A {
    dev.riskplatform.selftest.b.B b;
}
