// The view is shared with the worker's boot view of the front page; its styles load with the page.
import './style.css';

export { CityLinks } from '../../../shared/view/home';
