/**
 * MicroProfile Health checks: readiness (the database answers and the migrations are applied) and liveness (heap
 * head-room, and no wedged request path: too many requests busy for too long).
 */
package dev.gatehouse.platform.health;
