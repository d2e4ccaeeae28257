import { createApp } from 'vue';
import 'overseas-police-stations';
import App from './App.vue';

createApp(App).mount('#app');
