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

// No update checks either: the test site must not call WordPress.org (WP_HTTP_BLOCK_EXTERNAL refuses
// it, and WordPress logs the refusal as a warning, which the test counts).
foreach ( array( '_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes' ) as $check ) {
	remove_action( 'admin_init', $check );
}
add_filter( 'should_load_remote_block_patterns', '__return_false' );
