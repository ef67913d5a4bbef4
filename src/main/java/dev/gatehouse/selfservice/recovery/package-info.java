/**
 * The recovery flow: its handler (state machine), resources ({@code /self-service/recovery}, the admin's
 * {@code /admin/recovery/{code,link}}), the interface its methods implement ({@code RecoveryMethod}) and what the
 * mailing methods share.
 */
package dev.gatehouse.selfservice.recovery;
