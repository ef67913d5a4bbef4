/**
 * Typed configuration: one {@link dev.gatehouse.kernel.config.CapabilityConfig} bean per capability,
 * read with {@link dev.gatehouse.kernel.config.ConfigReader} from MicroProfile Config.
 */
package dev.gatehouse.kernel.config;
