/** The console's access-rule pages: the rules in force with their source, one rule (edit, history), trying a request. */
package dev.gatehouse.admin.console.rules;
