<?php
/**
 * Test site only (a must-use plugin of the test WordPress): the embed host of the tests is a
 * loopback address, which WordPress refuses to fetch from (it guards against requests into the
 * server's own network). A real embed host is public and needs nothing of the kind.
 */
add_filter(
	'http_request_host_is_external',
	function ( $external, $host ) {
		return $external || getenv( 'OPS_EMBED_HOSTNAME' ) === $host;
	},
	10,
	2
);
