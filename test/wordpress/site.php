<?php
// Drives the test WordPress from the command line (run by scripts/test-wordpress.ts):
//   php site.php install <admin password>
//   php site.php plugin on|off
//   php site.php theme <stylesheet>
//   php site.php post <user login> <title> <file with the content>   → prints the post's URL
//   php site.php render <user login> <post URL>                      → prints the post's content as that user sees it
// Debian's wp-config.php picks /etc/wordpress/config-<host>.php by the request's host.
$_SERVER['HTTP_HOST']   = getenv( 'OPS_WP_HOST' );
$_SERVER['SERVER_NAME'] = preg_replace( '/:.*/', '', $_SERVER['HTTP_HOST'] );
$_SERVER['REQUEST_URI'] = '/';
$command                = $argv[1];

if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

const PLUGIN = 'overseas-police-stations/overseas-police-stations.php';

switch ( $command ) {
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		wp_install( 'Newsroom test site', 'admin', 'admin@example.invalid', false, '', $argv[2] );
		update_option( 'permalink_structure', '' );
		switch_theme( 'twentytwentythree' );
		// An author: may publish, but has no unfiltered_html, so kses filters what they save.
		wp_insert_user( array( 'user_login' => 'author', 'user_pass' => $argv[2], 'user_email' => 'author@example.invalid', 'role' => 'author' ) );
		echo "installed\n";
		break;
	case 'plugin':
		$result = 'on' === $argv[2] ? activate_plugin( PLUGIN ) : deactivate_plugins( PLUGIN );
		if ( is_wp_error( $result ) ) {
			fwrite( STDERR, $result->get_error_message() . "\n" );
			exit( 1 );
		}
		echo is_plugin_active( PLUGIN ) ? "active\n" : "inactive\n";
		break;
	case 'theme':
		switch_theme( $argv[2] );
		echo get_stylesheet() . "\n";
		break;
	case 'post':
		$user = get_user_by( 'login', $argv[2] );
		// As that user, so kses applies exactly as when they press Publish.
		wp_set_current_user( $user->ID );
		kses_init();
		$id = wp_insert_post(
			array(
				'post_title'   => $argv[3],
				'post_content' => file_get_contents( $argv[4] ),
				'post_status'  => 'publish',
				'post_author'  => $user->ID,
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 1 );
		}
		echo get_permalink( $id ) . "\n";
		break;
	case 'render':
		$user = get_user_by( 'login', $argv[2] );
		wp_set_current_user( $user->ID );
		$post = get_post( url_to_postid( $argv[3] ) );
		setup_postdata( $GLOBALS['post'] = $post );
		echo apply_filters( 'the_content', $post->post_content );
		break;
	default:
		fwrite( STDERR, "unknown command $command\n" );
		exit( 1 );
}
