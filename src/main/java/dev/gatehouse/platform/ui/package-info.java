/**
 * The Faces home page at {@code /} and the page language ({@code ?lang=}, a remembered cookie, or the browser's
 * Accept-Language among English, Russian and Chinese).
 */
package dev.gatehouse.platform.ui;
