package org.parley.domain.discussion;

/** Who may read a discussion. Names are fixed by the HTTP API. */
public enum Privacy {

	PUBLIC, PRIVATE

}
