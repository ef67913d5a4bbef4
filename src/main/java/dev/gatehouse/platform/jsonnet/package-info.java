/**
 * Evaluating jsonnet (sjsonnet) for whoever configures documents or request templates in it: the gateway's rule
 * files, the courier's SMS gateway request. Each evaluation is bounded in time and in how many run at once.
 */
package dev.gatehouse.platform.jsonnet;
