/** {@code /admin/audit/searches}: the admin API of saved audit searches (CRUD, versions, run, export, import, LogQL). */
package dev.gatehouse.audit.search.api;
