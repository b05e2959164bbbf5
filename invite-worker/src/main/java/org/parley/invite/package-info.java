/**
 * The invite-worker: invitation fan-out ({@code fanout}), invitation delivery
 * ({@code delivery}), sign-in links ({@code signin}), notifications ({@code reply}), the
 * one mail pipeline they all send through ({@code mail}) and the broker side
 * ({@code messaging}).
 */
package org.parley.invite;
