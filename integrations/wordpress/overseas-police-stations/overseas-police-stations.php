<?php
/**
 * Plugin Name:       Overseas Police Stations
 * Description:       What public reporting says about China's alleged overseas police "service stations", every fact sourced: a country table, a map, a timeline and source cards, as a block, a shortcode or a pasted embed URL. The site serves every file itself; readers' browsers make no request to anyone else.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            overseas-police-stations contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       overseas-police-stations
 *
 * MIT is compatible with the GPL (version 2 or later), under which WordPress is distributed.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'OVERSEAS_POLICE_STATIONS_VERSION', '0.1.0' );

/**
 * The widgets, their tags and the attributes each accepts, from the library's registry of
 * elements (elements.json beside this file, written by its build), so the allow-list never
 * drifts from the code. Each attribute says what it accepts: `boolean`, `enum` (values),
 * `pattern` (a regular expression for the whole value) or `url`.
 *
 * @return array<string, array{tag: string, title: string, fallback: string, attributes: array<string, array>}>
 */
function overseas_police_stations_elements() {
	static $elements = null;
	if ( null === $elements ) {
		$json     = file_get_contents( __DIR__ . '/elements.json' );
		$registry = is_string( $json ) ? json_decode( $json, true ) : null;
		$elements = array();
		if ( is_array( $registry ) && isset( $registry['elements'] ) ) {
			foreach ( $registry['elements'] as $name => $element ) {
				$elements[ $name ] = array(
					'tag'        => $element['tag'],
					'title'      => $element['title'],
					'fallback'   => $element['fallback'],
					'attributes' => array_merge( $registry['commonAttributes'], $element['attributes'] ),
				);
			}
		}
	}
	return $elements;
}

/** The value to write for `$value` when the attribute accepts it, else null. */
function overseas_police_stations_accepted( $accepts, $value ) {
	switch ( $accepts['type'] ) {
		case 'enum':
			return in_array( $value, $accepts['values'], true ) ? $value : null;
		case 'pattern':
			// The registry's patterns are anchored and use only syntax JavaScript and PCRE share.
			return 1 === preg_match( '~' . str_replace( '~', '\\~', $accepts['pattern'] ) . '~', $value ) ? $value : null;
		case 'url':
			return overseas_police_stations_same_site_url( $value );
	}
	return null;
}

/** URL of a file the plugin ships (assets/ holds the library's dist/: ops.js, chunks/, data/). */
function overseas_police_stations_asset_url( $path ) {
	return plugins_url( 'assets/' . $path, __FILE__ );
}

/** ops.js, in the page's head when the post is known to need it (see overseas_police_stations_enqueue_early). */
function overseas_police_stations_enqueue() {
	wp_enqueue_script( 'overseas-police-stations', overseas_police_stations_asset_url( 'ops.js' ), array(), OVERSEAS_POLICE_STATIONS_VERSION, false );
}

/**
 * An attribute value that loads something (a dataset, a basemap style) must stay on this site:
 * a URL elsewhere would make every reader's browser call another host (readers may fear
 * surveillance), and an author could point the widget at data the site never vetted.
 */
function overseas_police_stations_same_site_url( $value ) {
	$url = esc_url_raw( $value, array( 'http', 'https' ) );
	if ( '' === $url ) {
		return null;
	}
	if ( '/' === $url[0] && ( strlen( $url ) < 2 || '/' !== $url[1] ) ) {
		return $url;
	}
	$host = wp_parse_url( $url, PHP_URL_HOST );
	return $host && strtolower( $host ) === strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) ) ? $url : null;
}

/** Whether the viewer may see notices meant for whoever wrote the post. */
function overseas_police_stations_viewer_edits() {
	$post = get_post();
	return $post ? current_user_can( 'edit_post', $post->ID ) : current_user_can( 'edit_posts' );
}

/** A notice for editors; readers get nothing. */
function overseas_police_stations_notice( $message ) {
	if ( ! overseas_police_stations_viewer_edits() ) {
		return '';
	}
	return '<p class="overseas-police-stations-notice" role="note" style="border-inline-start:4px solid #b32d2e;padding:.5em 1em;background:#fcf0f1">'
		. esc_html__( 'Overseas Police Stations (shown to editors only):', 'overseas-police-stations' ) . ' ' . esc_html( $message ) . '</p>';
}

/**
 * The one renderer behind the shortcode, the block and pasted embed URLs.
 *
 * @param string               $widget `country-table`, `station-map`, `repatriation-timeline` or `source-card` (or its `ops-` tag).
 * @param array<string, mixed> $attrs  Attribute name => value; a value true, '' or a numeric key means a boolean attribute given.
 * @return string HTML.
 */
function overseas_police_stations_render( $widget, $attrs ) {
	$elements = overseas_police_stations_elements();
	$widget   = preg_replace( '/^ops-/', '', strtolower( trim( (string) $widget ) ) );
	if ( ! isset( $elements[ $widget ] ) ) {
		/* translators: 1: the widget name given, 2: the widget names that exist. */
		return overseas_police_stations_notice( sprintf( __( 'there is no widget "%1$s". Use widget="%2$s".', 'overseas-police-stations' ), $widget, implode( '", "', array_keys( $elements ) ) ) );
	}
	$element = $elements[ $widget ];
	$allowed = $element['attributes'];
	$out     = '';
	$refused = array();
	foreach ( $attrs as $name => $value ) {
		if ( is_int( $name ) ) {
			// [overseas_police_stations plain]: WordPress passes a bare word as a numbered value.
			$name  = (string) $value;
			$value = true;
		}
		$name = strtolower( (string) $name );
		if ( 'widget' === $name ) {
			continue;
		}
		if ( ! isset( $allowed[ $name ] ) ) {
			$refused[] = $name;
			continue;
		}
		if ( 'boolean' === $allowed[ $name ]['type'] ) {
			if ( true === $value || '' === $value || ! in_array( strtolower( (string) $value ), array( '0', 'false', 'no', 'off' ), true ) ) {
				$out .= ' ' . $name;
			}
			continue;
		}
		$value = trim( (string) $value );
		if ( '' === $value ) {
			continue;
		}
		$value = overseas_police_stations_accepted( $allowed[ $name ], $value );
		if ( null === $value ) {
			$refused[] = $name;
			continue;
		}
		$out .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}

	overseas_police_stations_enqueue();
	$tag        = $element['tag'];
	$prerendered = '' === $out ? overseas_police_stations_prerendered( $widget ) : null;
	if ( null !== $prerendered ) {
		$html = $prerendered;
	} else {
		$html = '<' . $tag . $out . '><p>' . esc_html( $element['fallback'] ) . ' <a href="' . esc_url( overseas_police_stations_asset_url( 'data/overseas-police-stations.json' ) ) . '">'
		. esc_html__( 'Download the data (JSON)', 'overseas-police-stations' ) . '</a>.</p></' . $tag . '>';
	}
	if ( $refused ) {
		/* translators: 1: attribute names, 2: the widget, 3: the attributes it accepts. */
		$html .= overseas_police_stations_notice( sprintf( __( 'ignored %1$s: %2$s accepts %3$s, each with values of its kind (URLs only on this site).', 'overseas-police-stations' ), implode( ', ', array_unique( $refused ) ), $widget, implode( ', ', array_keys( $allowed ) ) ) );
	}
	return $html;
}

/**
 * The widget's default view, rendered when the plugin was built (prerendered/<widget>.html: the
 * library's renderWidget, since PHP cannot run the widgets): readers see the widget before any
 * script runs. Only for a widget with no attributes; null when there is no such file.
 */
function overseas_police_stations_prerendered( $widget ) {
	$file = __DIR__ . '/prerendered/' . $widget . '.html';
	if ( ! preg_match( '/^[a-z-]+$/', $widget ) || ! is_readable( $file ) ) {
		return null;
	}
	$html = file_get_contents( $file );
	if ( ! is_string( $html ) ) {
		return null;
	}
	// The build wrote this placeholder where the URL of the plugin's assets/ belongs.
	return str_replace( '__OPS_ASSETS__/', esc_url( overseas_police_stations_asset_url( '' ) ), $html );
}

/** [overseas_police_stations widget="country-table" lang="zh-Hans" …] */
function overseas_police_stations_shortcode( $atts ) {
	$atts = is_array( $atts ) ? $atts : array();
	return overseas_police_stations_render( isset( $atts['widget'] ) ? $atts['widget'] : 'country-table', $atts );
}

/** The block's attributes, minus the editor-only ones, through the same renderer. */
function overseas_police_stations_render_block( $attributes ) {
	$widget   = isset( $attributes['widget'] ) ? $attributes['widget'] : 'country-table';
	$elements = overseas_police_stations_elements();
	$accepts  = isset( $elements[ $widget ] ) ? $elements[ $widget ]['attributes'] : array();
	$attrs    = array();
	foreach ( $attributes as $name => $value ) {
		// The sidebar keeps options of a widget chosen before (a country for the map): pass only this widget's.
		if ( ! isset( $accepts[ $name ] ) || false === $value || '' === $value || null === $value ) {
			continue;
		}
		$attrs[ $name ] = $value;
	}
	$html = overseas_police_stations_render( $widget, $attrs );
	return '' === $html ? '' : '<div ' . get_block_wrapper_attributes() . '>' . $html . '</div>';
}

/**
 * The library's embed URLs (https://HOST/…/overseas-police-stations/embed/country-table/?lang=zh-Hans),
 * pasted on a line of their own: rendered here with the plugin's own copy, without asking that host.
 */
define( 'OVERSEAS_POLICE_STATIONS_EMBED_URL', '~^https?://[^/\s]+/(?:[^\s?#]*/)?overseas-police-stations/embed/([a-z-]+)/?(?:index\.html)?(?:\?([^\s#]*))?(?:#\S*)?$~i' );

function overseas_police_stations_embed_handler( $matches ) {
	$query = array();
	if ( ! empty( $matches[2] ) ) {
		wp_parse_str( html_entity_decode( $matches[2] ), $query );
	}
	return overseas_police_stations_render( $matches[1], $query );
}

/** Loads ops.js in the head for a post that uses a widget, so the widgets' heights are reserved before the first paint. */
function overseas_police_stations_enqueue_early() {
	if ( ! is_singular() ) {
		return;
	}
	$content = (string) get_post_field( 'post_content', get_queried_object_id() );
	if ( has_shortcode( $content, 'overseas_police_stations' ) || has_block( 'overseas-police-stations/widget', $content )
		|| preg_match( '#overseas-police-stations/embed/#i', $content ) ) {
		overseas_police_stations_enqueue();
	}
}

add_action(
	'init',
	function () {
		add_shortcode( 'overseas_police_stations', 'overseas_police_stations_shortcode' );
		register_block_type( __DIR__, array( 'render_callback' => 'overseas_police_stations_render_block' ) );
		wp_embed_register_handler( 'overseas-police-stations', OVERSEAS_POLICE_STATIONS_EMBED_URL, 'overseas_police_stations_embed_handler' );
	}
);
add_action( 'wp_enqueue_scripts', 'overseas_police_stations_enqueue_early' );

/** The editor script's list of widgets and their options comes from the same registry. */
add_action(
	'enqueue_block_editor_assets',
	function () {
		wp_add_inline_script( 'overseas-police-stations-widget-editor-script', 'window.overseasPoliceStations = ' . wp_json_encode( overseas_police_stations_elements() ) . ';', 'before' );
		// The preview in the editor is the widget itself, not only its fallback sentence.
		overseas_police_stations_enqueue();
	}
);
