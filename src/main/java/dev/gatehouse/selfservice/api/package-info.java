/**
 * The HTTP face every self-service flow shares, in Kratos' shape: the endpoints of a flow ({@code FlowEndpoints}:
 * {@code {browser,api,flows}} and the submission), the answers by flavor ({@code FlowResponses}: redirects and
 * cookies for browsers, JSON for apps) and the mapping of flow errors to Kratos' error bodies. Each flow's own
 * resource lives in its package and extends {@code FlowEndpoints}.
 */
package dev.gatehouse.selfservice.api;
