package org.parley.web.invitation;

import java.util.List;

/** The JSON form of an invitation request: addresses and an optional personal message. */
record InvitationForm(List<String> emails, String message) {

}
