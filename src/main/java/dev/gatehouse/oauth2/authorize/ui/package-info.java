/**
 * The built-in login, consent and logout apps. They use exactly the service methods the admin challenge API
 * uses ({@link dev.gatehouse.oauth2.authorize.LoginRequests}, {@link dev.gatehouse.oauth2.authorize.ConsentRequests},
 * {@link dev.gatehouse.oauth2.authorize.LogoutRequests}); signing in itself is the identity service's login flow.
 */
package dev.gatehouse.oauth2.authorize.ui;
