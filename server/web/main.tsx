import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OfficePage } from './OfficePage';
import './office.css';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <OfficePage />
    </StrictMode>,
  );
