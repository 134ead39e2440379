/** JMH benchmarks of risk-core's hot paths; figures go to BENCHMARKS.md with their command. */
package dev.riskplatform.bench;
