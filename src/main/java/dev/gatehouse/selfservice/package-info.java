/**
 * Self-service flows in Ory Kratos' shape: a flow is server-side state ({@link dev.gatehouse.selfservice.Flow})
 * with a UI description ({@link dev.gatehouse.selfservice.Ui}: action, nodes, messages) that any client can
 * render generically; submitting the form advances the flow. Browser flows are bound to the browser by a
 * CSRF cookie; API flows return tokens instead of cookies.
 */
package dev.gatehouse.selfservice;
