"""One call on the wire: options, the client and its transport chain, auth, retry, deadline, send."""
