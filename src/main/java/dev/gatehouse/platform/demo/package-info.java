/**
 * Demo mode ({@code gatehouse.demo.enabled}): the start-up event on which each capability seeds its demo data
 * idempotently, and the banner that prints what was seeded, including the generated admin API key.
 */
package dev.gatehouse.platform.demo;
