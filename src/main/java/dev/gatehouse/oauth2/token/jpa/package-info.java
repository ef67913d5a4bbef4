/**
 * JPA persistence of grants and of the tokens issued from them (codes, access, refresh and ID tokens, stored as
 * HMACs), behind the token store interface of the token capability.
 */
package dev.gatehouse.oauth2.token.jpa;
