/**
 * The methods of the self-service flows (Kratos' strategies), one package per method: {@code password},
 * {@code code}, {@code link} and {@code profile}. Each class implements the method interface of one flow
 * ({@code LoginMethod}, {@code RegistrationMethod}, {@code SettingsMethod}, {@code RecoveryMethod},
 * {@code VerificationMethod}, each in its flow's package): it adds its nodes to the flow's form and handles the
 * submissions that name it. The flow handlers find them as beans; a new method is a new package here.
 */
package dev.gatehouse.selfservice.strategy;
