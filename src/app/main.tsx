import { render } from 'preact';

render(<p>齐鲁轻读</p>, document.getElementById('app')!);
