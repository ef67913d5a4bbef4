/** Kratos' logout endpoints: a browser logs out with a token bound to its session, an app with its session token. */
package dev.gatehouse.selfservice.logout;
