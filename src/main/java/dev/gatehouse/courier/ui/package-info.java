/** The courier's pages: the dev outbox of the zero-setup run, where held e-mail can be read. */
package dev.gatehouse.courier.ui;
