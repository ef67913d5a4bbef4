/** The console's identities pages: search and page through identities, read and change one as the admin API does. */
package dev.gatehouse.admin.console.identities;
