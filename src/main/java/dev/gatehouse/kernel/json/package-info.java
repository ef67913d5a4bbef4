/**
 * Reading and writing JSON that comes from outside: {@code BoundedJson}, the one reader of request bodies and
 * rule documents (strict UTF-8, bounded depth and number length, no NUL, no duplicate members), body parsing for
 * the APIs, typed field access, and RFC 6902 JSON Patch for the admin APIs.
 */
package dev.gatehouse.kernel.json;
