/**
 * The Faces side of the self-service pages: any browser flow rendered generically from its UI nodes, flow
 * messages translated by Kratos message id, and the welcome page after signing in.
 */
package dev.gatehouse.selfservice.ui;
