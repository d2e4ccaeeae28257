<?php
// `php -S` router of the test WordPress: /wp-content/ from the test's own content folder (as
// Debian's Apache configuration aliases it), other existing files as they are, everything else
// to WordPress's index.php.
$path    = urldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$content = getenv( 'OPS_WP_CONTENT' );
if ( 0 === strpos( $path, '/wp-content/' ) && false === strpos( $path, '..' ) ) {
	$file = $content . substr( $path, strlen( '/wp-content' ) );
	if ( is_file( $file ) && ! preg_match( '/\.php$/', $file ) ) {
		$types = array( 'js' => 'text/javascript', 'mjs' => 'text/javascript', 'css' => 'text/css', 'json' => 'application/json', 'svg' => 'image/svg+xml', 'png' => 'image/png', 'woff2' => 'font/woff2', 'md' => 'text/markdown; charset=utf-8' );
		$ext   = strtolower( pathinfo( $file, PATHINFO_EXTENSION ) );
		header( 'Content-Type: ' . ( isset( $types[ $ext ] ) ? $types[ $ext ] : 'application/octet-stream' ) );
		header( 'Content-Length: ' . filesize( $file ) );
		readfile( $file );
		return true;
	}
	if ( is_file( $file ) ) {
		require $file;
		return true;
	}
}
if ( '/' !== $path && is_file( $_SERVER['DOCUMENT_ROOT'] . $path ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
