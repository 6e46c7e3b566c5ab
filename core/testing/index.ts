export { demoModels, type DemoModel } from './demo-models.js';
