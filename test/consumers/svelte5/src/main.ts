import { mount } from 'svelte';
import 'overseas-police-stations';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
