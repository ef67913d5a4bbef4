/**
 * The gateway's decision engine: rules compiled with their handlers bound to parsed configurations
 * ({@link dev.gatehouse.gateway.engine.HandlerRegistry}), the rule set in force for each tenant (files, demo rules
 * and database rules, reloaded and changed through the admin API), matching a request to exactly one rule, running
 * it ({@link dev.gatehouse.gateway.engine.DecisionEngine}), logging the decision, and what the enforcement points
 * share to turn a servlet request into a decision and a denial into a response
 * ({@link dev.gatehouse.gateway.engine.Enforcement}).
 */
package dev.gatehouse.gateway.engine;
