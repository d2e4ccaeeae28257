// The block's editor: the widget and its main options in the sidebar, and a preview rendered on
// the server by the same PHP as the page (ServerSideRender). Plain script on WordPress's globals,
// so the plugin needs no build step.
( function ( wp ) {
	'use strict';
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var PanelBody = wp.components.PanelBody;
	var SelectControl = wp.components.SelectControl;
	var TextControl = wp.components.TextControl;
	var ToggleControl = wp.components.ToggleControl;
	var ServerSideRender = wp.serverSideRender;
	// Written by the plugin from elements.json: widget → { tag, title, attributes }.
	var ELEMENTS = window.overseasPoliceStations || {};

	function accepts( widget, name ) {
		return !! ( ELEMENTS[ widget ] && ELEMENTS[ widget ].attributes[ name ] );
	}

	function text( props, name, label, help ) {
		if ( ! accepts( props.attributes.widget, name ) ) return null;
		return el( TextControl, {
			label: label,
			help: help,
			value: props.attributes[ name ] || '',
			onChange: function ( value ) {
				var change = {};
				change[ name ] = value;
				props.setAttributes( change );
			},
		} );
	}

	wp.blocks.registerBlockType( 'overseas-police-stations/widget', {
		edit: function ( props ) {
			var a = props.attributes;
			var widgets = Object.keys( ELEMENTS ).map( function ( key ) {
				return { value: key, label: key + ' — ' + ELEMENTS[ key ].title };
			} );
			return el(
				'div',
				useBlockProps(),
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{ title: __( 'Widget', 'overseas-police-stations' ) },
						el( SelectControl, {
							label: __( 'Widget', 'overseas-police-stations' ),
							value: a.widget,
							options: widgets,
							onChange: function ( value ) {
								props.setAttributes( { widget: value } );
							},
						} ),
						el( SelectControl, {
							label: __( 'Language', 'overseas-police-stations' ),
							value: a.lang,
							options: [
								{ value: '', label: __( "The page's language", 'overseas-police-stations' ) },
								{ value: 'en', label: 'English' },
								{ value: 'zh-Hans', label: '简体中文' },
								{ value: 'zh-Hant', label: '繁體中文' },
							],
							onChange: function ( value ) {
								props.setAttributes( { lang: value } );
							},
						} ),
						el( SelectControl, {
							label: __( 'Theme', 'overseas-police-stations' ),
							value: a.theme,
							options: [
								{ value: '', label: __( 'Light (default)', 'overseas-police-stations' ) },
								{ value: 'dark', label: __( 'Dark', 'overseas-police-stations' ) },
								{ value: 'auto', label: __( "Follow the reader's setting", 'overseas-police-stations' ) },
							],
							onChange: function ( value ) {
								props.setAttributes( { theme: value } );
							},
						} ),
						el( ToggleControl, {
							label: __( 'Hide title and credit line', 'overseas-police-stations' ),
							checked: !! a.plain,
							onChange: function ( value ) {
								props.setAttributes( { plain: value } );
							},
						} ),
						text( props, 'country', __( 'Country (ISO code, e.g. IT)', 'overseas-police-stations' ) ),
						text( props, 'sort', __( 'Sort by', 'overseas-police-stations' ), 'country, stations, bureaus, response' ),
						text( props, 'source', __( 'Source id', 'overseas-police-stations' ) ),
						text( props, 'for', __( 'Sources for (station id or country code)', 'overseas-police-stations' ) ),
						text( props, 'group', __( 'Group (widgets with the same group share a selection)', 'overseas-police-stations' ) )
					)
				),
				el( ServerSideRender, { block: 'overseas-police-stations/widget', attributes: a } )
			);
		},
		// Rendered on the server: the post stores only the block's comment and attributes.
		save: function () {
			return null;
		},
	} );
} )( window.wp );
