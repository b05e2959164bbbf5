/**
 * The invite-worker: invitation fan-out ({@code fanout}), mail delivery
 * ({@code delivery}) and the broker side of both ({@code messaging}).
 */
package org.parley.invite;
