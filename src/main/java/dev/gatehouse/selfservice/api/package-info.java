/**
 * The HTTP endpoints every self-service flow shares ({@code FlowEndpoints}: start as browser or app, fetch,
 * submit) and the answers they give by flavor ({@code FlowResponses}: redirects and cookies for browsers, JSON
 * for apps, Kratos' error shape for flow errors). Each flow's package extends them with its own resource.
 */
package dev.gatehouse.selfservice.api;
